import { decodeBase64Url } from '@clerk/jwt-core';
import { rsaFixture } from './lib.mjs';
const f = rsaFixture();
const t = f.token();
const sig = t.slice(t.lastIndexOf('.') + 1);
const pay = t.split('.')[1];
const re = /^[A-Za-z0-9_-]*$/;
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
function bench(name, fn) { for (let i=0;i<20000;i++) fn(); const s = cpu(); for (let i=0;i<200000;i++) fn(); console.log(name, ((cpu()-s)/200000*1e6).toFixed(0), 'ns'); }
const td = new TextDecoder('utf-8', { fatal: true });
for (let r = 0; r < 2; r++) {
bench('js sig', () => decodeBase64Url(sig));
bench('re+buf sig', () => re.test(sig) && Buffer.from(sig, 'base64url'));
bench('js pay', () => decodeBase64Url(pay));
bench('re+buf pay', () => re.test(pay) && Buffer.from(pay, 'base64url'));
bench('pay full js', () => JSON.parse(td.decode(decodeBase64Url(pay))));
bench('pay full buf', () => JSON.parse(Buffer.from(pay, 'base64url').toString()));
bench('encode', () => new TextEncoder().encode(t.slice(0, t.lastIndexOf('.'))));
bench('buf from', () => Buffer.from(t.slice(0, t.lastIndexOf('.'))));
}
