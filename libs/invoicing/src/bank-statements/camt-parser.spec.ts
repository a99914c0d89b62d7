import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { CamtEntry, CamtFormatError, CamtStatement, parseCamt } from './camt-parser';

const FIXTURES = join(process.cwd(), 'test', 'fixtures', 'camt');

async function read(input: Readable) {
  const entries: CamtEntry[] = [];
  const statements: [CamtStatement, number][] = [];
  const info = await parseCamt(input, { onEntry: (entry) => void entries.push(entry), onStatement: (s, n) => void statements.push([s, n]) });
  return { info, entries, statements };
}
const file = (name: string) => read(createReadStream(join(FIXTURES, name)));

/** The genkgo/camt test messages (MIT, see test/fixtures/camt/LICENSE-genkgo-camt): what each holds. */
const EXPECTED: Record<string, { type: string; version: string; statements: (string | null)[]; entries: [string, string, 'CRDT' | 'DBIT', string, number][] }> = {
  'camt052.v1.xml': { type: 'camt.052', version: '01', statements: [null], entries: [['200000', 'SEK', 'DBIT', 'BOOK', 1]] },
  'camt052.v2.other-account.xml': { type: 'camt.052', version: '02', statements: ['CH2801234000123456789'], entries: [['200000', 'SEK', 'DBIT', 'BOOK', 1]] },
  'camt052.v2.with-account-name.xml': { type: 'camt.052', version: '02', statements: ['CH2801234000123456789'], entries: [['200000', 'SEK', 'DBIT', 'BOOK', 1]] },
  'camt052.v2.xml': { type: 'camt.052', version: '02', statements: ['CH2801234000123456789'], entries: [['200000', 'SEK', 'DBIT', 'BOOK', 1]] },
  'camt052.v4.xml': { type: 'camt.052', version: '04', statements: ['CH2801234000123456789'], entries: [['200000', 'SEK', 'DBIT', 'PDNG', 1]] },
  'camt052.v6.Amt-zero.xml': { type: 'camt.052', version: '06', statements: ['CH2801234000123456789'], entries: [['200000', 'SEK', 'DBIT', 'PDNG', 1]] },
  'camt052.v6.xml': { type: 'camt.052', version: '06', statements: ['CH2801234000123456789'], entries: [['200000', 'SEK', 'DBIT', 'PDNG', 1]] },
  'camt052.v8.xml': { type: 'camt.052', version: '08', statements: ['CH2801234000123456789'], entries: [['200000', 'SEK', 'DBIT', 'BOOK', 1]] },
  'camt053.v2.all-balance-types.xml': { type: 'camt.053', version: '02', statements: ['CH2801234000123456789'], entries: [['8.850', 'EUR', 'CRDT', 'BOOK', 1]] },
  'camt053.v2.five.decimals.xml': { type: 'camt.053', version: '02', statements: ['NL26VAYB8060476890'], entries: [['8.850', 'EUR', 'CRDT', 'BOOK', 1]] },
  'camt053.v2.minimal.ultimate.xml': { type: 'camt.053', version: '02', statements: ['NL26VAYB8060476890'], entries: [['8.85', 'EUR', 'CRDT', 'BOOK', 1]] },
  'camt053.v2.minimal.xml': { type: 'camt.053', version: '02', statements: ['NL26VAYB8060476890'], entries: [['8.85', 'EUR', 'CRDT', 'BOOK', 1]] },
  'camt053.v2.multi.statement.xml': {
    type: 'camt.053', version: '02', statements: ['NL26VAYB8060476890', 'NL26VAYB8060476890'],
    entries: [['8.85', 'EUR', 'CRDT', 'BOOK', 1], ['7.00', 'EUR', 'DBIT', 'BOOK', 1]],
  },
  'camt053.v2.with-account-name.xml': { type: 'camt.053', version: '02', statements: ['CH2801234000123456789'], entries: [['8.85', 'EUR', 'CRDT', 'BOOK', 1]] },
  'camt053.v2.with-party-ids.xml': { type: 'camt.053', version: '02', statements: ['NL26VAYB8060476890'], entries: [['8.85', 'EUR', 'CRDT', 'BOOK', 1]] },
  'camt053.v3.xml': { type: 'camt.053', version: '03', statements: ['NL26VAYB8060476890'], entries: [['8.85', 'EUR', 'CRDT', 'BOOK', 1]] },
  'camt053.v4.xml': { type: 'camt.053', version: '04', statements: ['NL26VAYB8060476890'], entries: [['8.85', 'EUR', 'CRDT', 'BOOK', 1]] },
  'camt054.v2.with-account-name.xml': { type: 'camt.054', version: '02', statements: ['CH2801234000123456789'], entries: [['200000', 'SEK', 'DBIT', 'BOOK', 1]] },
  'camt054.v2.xml': { type: 'camt.054', version: '02', statements: ['CH2801234000123456789'], entries: [['200000', 'SEK', 'DBIT', 'BOOK', 3]] },
  'camt054.v4.xml': { type: 'camt.054', version: '04', statements: ['CH2801234000123456789'], entries: [['200000', 'SEK', 'DBIT', 'BOOK', 3]] },
  'camt054.v8-with-financial-institution.xml': { type: 'camt.054', version: '08', statements: ['CH2801234000123456789'], entries: [['200000', 'SEK', 'DBIT', 'BOOK', 1]] },
  'camt054.v8.xml': { type: 'camt.054', version: '08', statements: ['CH2801234000123456789'], entries: [['200000', 'SEK', 'DBIT', 'BOOK', 3]] },
  'camt53.only-Dt-with-DtTm.xml': { type: 'camt.053', version: '02', statements: ['GB33BUKB20201555555555'], entries: [] },
};

describe('camt parser (streaming, saxes)', () => {
  it.each(Object.entries(EXPECTED))('reads %s: its statements, entries, amounts and details', async (name, expected) => {
    const { info, entries, statements } = await file(name);
    expect(info).toMatchObject({ type: expected.type, version: expected.version, messageId: expect.any(String) });
    expect(statements.map(([s]) => s.account)).toEqual(expected.statements);
    expect(statements.reduce((n, [, count]) => n + count, 0)).toBe(expected.entries.length);
    expect(entries.map((e) => [e.amount, e.currency, e.direction, e.status, e.transactions.length])).toEqual(expected.entries);
  });

  it('reads the details a match needs: references, remittance, debtor account, booking date', async () => {
    const [minimal] = (await file('camt053.v2.minimal.xml')).entries;
    expect(minimal).toMatchObject({ bookingDate: '2014-12-31', valueDate: '2015-01-02', reversal: false });
    expect(minimal.transactions[0]).toMatchObject({ debtorIban: 'NL56AGDH9619008421', creditorReferences: ['4654654654654654'] });
    const [batch] = (await file('camt054.v4.xml')).entries;
    expect(batch.accountServicerReference).toBe('ACSR160617103200001');
    expect(batch.transactions.map((t) => [t.amount, t.endToEndId, t.creditorReferences])).toEqual([
      ['3.1', 'UXC06170000006PI00001EE00001', ['ISR ref number V1']],
      ['3.2', 'UXC06170000006PI00001EE00002', ['ISR ref number V2']],
      ['3.2', 'UXC06170000006PI00001EE00002', ['Ref number V3 block 1', 'Ref number V3 block 2']],
    ]);
    expect(batch.transactions[0].unstructured).toBe('Unstructured Remittance Information V1');
  });

  it('refuses the malformed message, XML that is not well-formed (with line and column), and other documents', async () => {
    await expect(file('camt053.v2.wrong.xml')).rejects.toThrow('holds no statement, report or notification');
    const broken = '<?xml version="1.0"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">\n  <BkToCstmrStmt><Stmt></BkToCstmrStmt>\n</Document>';
    const error = await read(Readable.from([broken])).catch((e: CamtFormatError) => e);
    expect(error).toBeInstanceOf(CamtFormatError);
    expect(error).toMatchObject({ line: 3 });
    expect((error as Error).message).toMatch(/line 3, column \d+/);
    await expect(read(Readable.from(['<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"/>']))).rejects.toThrow('Not a camt.052/053/054 message');
    await expect(read(Readable.from(['']))).rejects.toThrow(CamtFormatError);
  });

  it('streams: each entry is handed over while the rest of the file is still unread', async () => {
    const entry = (i: number) =>
      `<Ntry><Amt Ccy="EUR">${i}.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-04-01</Dt></BookgDt><AcctSvcrRef>REF-${i}</AcctSvcrRef>` +
      `<NtryDtls><TxDtls><RmtInf><Ustrd>Invoice 2026-${String(i).padStart(6, '0')} payment with a longer remittance text</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>`;
    let produced = 0;
    function* document() {
      yield '<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><GrpHdr><MsgId>BIG</MsgId></GrpHdr><Stmt><Id>S1</Id><Acct><Id><IBAN>DE02120300000000202051</IBAN></Id></Acct>';
      for (let i = 1; i <= 50_000; i++) {
        produced = i;
        yield entry(i);
      }
      yield '</Stmt></BkToCstmrStmt></Document>';
    }
    const producedWhenHandedOver: number[] = [];
    await parseCamt(Readable.from(document()), { onEntry: () => void producedWhenHandedOver.push(produced) });
    expect(producedWhenHandedOver).toHaveLength(50_000);
    // Entry n reaches the handler before much more than n entries were even produced: nothing waits for the whole file.
    expect(producedWhenHandedOver.every((p, n) => p - (n + 1) <= 16)).toBe(true);
  });
});
