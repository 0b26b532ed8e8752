import Database from 'better-sqlite3';
const db = new Database('/tmp/exp/x.sqlite');
let t=Date.now(); db.exec('CREATE INDEX IF NOT EXISTS a2 ON a(survey_id, kind, journey_point, question_id, num)'); console.log('idx',Date.now()-t);
t=Date.now(); db.exec('CREATE INDEX IF NOT EXISTS a3 ON a(survey_id, kind, page_path, question_id, num)'); console.log('idx',Date.now()-t);
t=Date.now(); db.exec('CREATE INDEX IF NOT EXISTS a4 ON a(survey_id, kind, question_id, created_ms, num)'); console.log('idx',Date.now()-t);
const q=(s)=>{const t=Date.now(); const r=db.prepare(s).all(); console.log(Date.now()-t,'ms',r.length, s.slice(0,90));};
for (let i=0;i<2;i++){
q("SELECT question_id, kind, num, COUNT(*) FROM a WHERE survey_id='nps' GROUP BY question_id, kind, num");
q("SELECT journey_point, question_id, num, COUNT(*) FROM a WHERE survey_id='nps' AND kind='nps' GROUP BY 1,2,3");
q("SELECT page_path, question_id, num, COUNT(*) FROM a WHERE survey_id='nps' AND kind='nps' GROUP BY 1,2,3");
q("SELECT created_ms/86400000, num, COUNT(*) FROM a WHERE survey_id='nps' AND kind='nps' AND question_id='score' GROUP BY 1,2");
q("SELECT page_path, question_id, num, COUNT(*) FROM a WHERE survey_id='sus' AND kind='rating' GROUP BY 1,2,3");
q("SELECT page_path, question_id, num, COUNT(*) FROM a WHERE survey_id='nps' AND kind='nps' AND created_ms > 0 GROUP BY 1,2,3");
}
