import Database from 'better-sqlite3';
const db = new Database('/tmp/exp/x.sqlite'); db.pragma('journal_mode=WAL');
db.exec(`DROP TABLE IF EXISTS a; CREATE TABLE a (seq INTEGER, survey_id TEXT, question_id TEXT, kind TEXT, num INTEGER, created_ms INTEGER, journey_point TEXT, page_path TEXT, completed INTEGER)`);
let t=Date.now();
const ins = db.prepare('INSERT INTO a VALUES (?,?,?,?,?,?,?,?,?)');
db.transaction(()=>{ for (let i=0;i<333000;i++){ const c=Date.now()-(i%90)*86400000; ins.run(i,'nps','score','nps',i%11,c,'event: checkout_'+(i%5),'/p'+(i%40),1); ins.run(i,'nps','reason','text',null,c,'event: checkout_'+(i%5),'/p'+(i%40),1);}
 for (let i=0;i<333000;i++){ for(let k=1;k<=10;k++) ins.run(i+333000,'sus','sus'+k,'rating',1+i%5,Date.now(),'manual','/x',1);}
})();
console.log('load',Date.now()-t);
t=Date.now(); db.exec('CREATE INDEX a1 ON a(survey_id, kind, question_id, num)'); console.log('idx',Date.now()-t);
const q=(s)=>{const t=Date.now(); const r=db.prepare(s).all(); console.log(Date.now()-t,'ms',r.length, s.slice(0,80));};
q("SELECT question_id, kind, num, COUNT(*) FROM a WHERE survey_id='nps' GROUP BY question_id, kind, num");
q("SELECT journey_point, question_id, num, COUNT(*) FROM a WHERE survey_id='nps' AND kind='nps' GROUP BY 1,2,3");
q("SELECT page_path, question_id, num, COUNT(*) FROM a WHERE survey_id='nps' AND kind='nps' GROUP BY 1,2,3");
q("SELECT created_ms/86400000, num, COUNT(*) FROM a WHERE survey_id='nps' AND kind='nps' AND question_id='score' GROUP BY 1,2");
q("SELECT page_path, question_id, num, COUNT(*) FROM a WHERE survey_id='sus' AND kind='rating' GROUP BY 1,2,3");
