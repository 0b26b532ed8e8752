// How the collector names a field in what it answers: `responses[0].answers["my key"]`, the way a
// developer would write it in JavaScript; the whole body is `body`.

/** `['responses', 0, 'answers', 'my key']` → `responses[0].answers["my key"]`. */
export function fieldPath(keys) {
  if (keys.length === 0) return 'body';
  return keys
    .map((key, i) => {
      if (typeof key === 'number' || /^\d+$/.test(key)) return `[${key}]`;
      if (/^[A-Za-z_$][\w$]*$/.test(key)) return i === 0 ? key : `.${key}`;
      return `[${JSON.stringify(key)}]`;
    })
    .join('');
}
