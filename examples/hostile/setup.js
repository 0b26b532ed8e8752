// Survey texts with markup, as a careless or malicious definition would have them: all of it must
// show as text. `?nonce=…` passes the page's style nonce (see docs/security.md).
const markup = (what) => `<img src=x onerror="window.pwned='${what}'"><script>window.pwned='${what}'</script>`;
const styleNonce = new URLSearchParams(location.search).get('nonce') ?? undefined;
const questions = [
  { id: 'score', type: 'nps', text: `${markup('question')} How likely are you to recommend us?`, lowLabel: markup('low label') },
  {
    id: 'pick',
    type: 'choice',
    text: 'Which one?',
    options: [`<b onmouseover="window.pwned='option'">Bold</b>`, { id: 'svg', label: `<svg onload="window.pwned='label'"></svg>Vector` }],
    other: true,
  },
  { id: 'why', type: 'text', text: '<u>Why?</u>', placeholder: markup('placeholder'), optional: true, maxLength: 20 },
];
const thanks = { text: `<iframe srcdoc="<script>parent.pwned='thanks'</script>"></iframe>Thanks!`, link: { label: '<i>More</i>', url: '/hostile/' } };

earshot.init({
  endpoint: '/api/earshot',
  styleNonce,
  surveys: [
    { id: 'markup', trigger: { event: 'hostile' }, questions, thanks },
    { id: 'modal', display: 'modal', questions: questions.slice(0, 1), thanks },
    { id: 'tab', display: 'tab', questions: questions.slice(0, 1) },
  ],
});
document.getElementById('open-modal').addEventListener('click', () => earshot.show('modal'));
