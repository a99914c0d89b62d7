import { Readable } from 'node:stream';
import { SaxesParser } from 'saxes';

/** One transaction of an entry (`NtryDtls/TxDtls`): a batch booking has several. */
export interface CamtTransaction {
  /** Decimal string as in the file; falls back to the entry's amount for a single transaction without one. */
  amount: string | null;
  currency: string | null;
  endToEndId: string | null;
  accountServicerReference: string | null;
  debtorName: string | null;
  debtorIban: string | null;
  /** `RmtInf/Ustrd`, joined. */
  unstructured: string | null;
  /** `RmtInf/Strd/CdtrRefInf/Ref`: an RF reference or an invoice number. */
  creditorReferences: string[];
  /** Return information (`RtrInf`): a returned direct debit or credit transfer. */
  returnReason: string | null;
}

/** One entry (`Ntry`) of a statement, report or notification. */
export interface CamtEntry {
  amount: string;
  currency: string;
  direction: 'CRDT' | 'DBIT';
  /** BOOK, PDNG, INFO … (`Sts` or, from version 8, `Sts/Cd`). */
  status: string;
  reversal: boolean;
  bookingDate: string | null;
  valueDate: string | null;
  accountServicerReference: string | null;
  transactions: CamtTransaction[];
}

/** A `Stmt` (camt.053), `Rpt` (camt.052) or `Ntfctn` (camt.054) with its account. */
export interface CamtStatement {
  id: string | null;
  /** The account's IBAN, or its other id. */
  account: string | null;
  currency: string | null;
}

export interface CamtMessageInfo {
  type: 'camt.052' | 'camt.053' | 'camt.054';
  version: string;
  messageId: string | null;
}

export interface CamtHandlers {
  onMessage?(info: CamtMessageInfo): void;
  /** Called for each entry as soon as it is read, with its statement: memory does not grow with the file. */
  onEntry(entry: CamtEntry, statement: CamtStatement): void | Promise<void>;
  onStatement?(statement: CamtStatement, entries: number): void;
}

/** A message that is not well-formed XML, or not a camt.052/053/054 we read; line and column where known. */
export class CamtFormatError extends Error {
  constructor(
    message: string,
    readonly line: number | null = null,
    readonly column: number | null = null,
  ) {
    super(line === null ? message : `${message} (line ${line}, column ${column})`);
    this.name = 'CamtFormatError';
  }
}

const NAMESPACE = /^urn:iso:std:iso:20022:tech:xsd:(camt\.05[234])\.001\.(\d{2})$/;
const CONTAINERS = new Set(['Stmt', 'Rpt', 'Ntfctn']);

const emptyTransaction = (): CamtTransaction => ({
  amount: null, currency: null, endToEndId: null, accountServicerReference: null, debtorName: null, debtorIban: null,
  unstructured: null, creditorReferences: [], returnReason: null,
});

/**
 * Reads a camt.052, .053 or .054 message (versions .001.02 to .001.08) as a stream with saxes: each entry is
 * handed over when its closing tag is read, and only the current one is held. Amounts stay decimal strings,
 * so no float ever touches money.
 */
export async function parseCamt(input: Readable, handlers: CamtHandlers): Promise<CamtMessageInfo> {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const path: string[] = [];
  let text = '';
  let info: CamtMessageInfo | null = null;
  let statement: CamtStatement | null = null;
  let statementEntries = 0;
  let statements = 0;
  let entry: CamtEntry | null = null;
  let transaction: CamtTransaction | null = null;
  let attributeCurrency: string | null = null;
  const pending: CamtEntry[] = [];
  const pendingStatements: CamtStatement[] = [];

  const under = (...names: string[]) => names.every((n, i) => path[path.length - names.length + i] === n);
  const inside = (name: string) => path.includes(name);

  parser.on('opentag', (tag) => {
    if (path.length === 0) {
      const match = NAMESPACE.exec(tag.uri);
      if (tag.local !== 'Document' || !match) throw new CamtFormatError(`Not a camt.052/053/054 message (root ${tag.name} in ${tag.uri || 'no namespace'})`, parser.line, parser.column);
      info = { type: match[1] as CamtMessageInfo['type'], version: match[2], messageId: null };
    }
    path.push(tag.local);
    text = '';
    if (CONTAINERS.has(tag.local) && path.length === 3) {
      statement = { id: null, account: null, currency: null };
      statementEntries = 0;
    } else if (tag.local === 'Ntry' && statement) {
      entry = { amount: '', currency: '', direction: 'CRDT', status: '', reversal: false, bookingDate: null, valueDate: null, accountServicerReference: null, transactions: [] };
    } else if (tag.local === 'TxDtls' && entry) {
      transaction = emptyTransaction();
    }
    const ccy = tag.attributes.Ccy;
    attributeCurrency = ccy ? (typeof ccy === 'string' ? ccy : ccy.value) : null;
  });

  parser.on('text', (t) => {
    text += t;
  });

  parser.on('closetag', (tag) => {
    const value = text.trim();
    const name = tag.local;
    if (info && under('GrpHdr', 'MsgId')) info.messageId = value;
    if (statement && !entry) {
      if (path.length === 4 && name === 'Id' && CONTAINERS.has(path[2])) statement.id = value;
      else if (under('Acct', 'Id', 'IBAN') || (under('Acct', 'Id', 'Othr', 'Id') && !statement.account)) statement.account = value;
      else if (under('Acct', 'Ccy')) statement.currency = value;
    }
    if (entry && !transaction) {
      if (under('Ntry', 'Amt')) {
        entry.amount = value;
        entry.currency = attributeCurrency ?? '';
      } else if (under('Ntry', 'CdtDbtInd')) entry.direction = value as CamtEntry['direction'];
      else if (under('Ntry', 'Sts') || under('Ntry', 'Sts', 'Cd')) entry.status = entry.status || value;
      else if (under('Ntry', 'RvslInd')) entry.reversal = value === 'true';
      else if (under('Ntry', 'BookgDt', 'Dt') || (under('Ntry', 'BookgDt', 'DtTm') && !entry.bookingDate)) entry.bookingDate = value.slice(0, 10);
      else if (under('Ntry', 'ValDt', 'Dt') || (under('Ntry', 'ValDt', 'DtTm') && !entry.valueDate)) entry.valueDate = value.slice(0, 10);
      else if (under('Ntry', 'AcctSvcrRef')) entry.accountServicerReference = value;
    }
    if (transaction) {
      if (under('TxDtls', 'Amt') || under('TxDtls', 'AmtDtls', 'TxAmt', 'Amt')) {
        transaction.amount ??= value;
        transaction.currency ??= attributeCurrency;
      } else if (under('Refs', 'EndToEndId')) transaction.endToEndId = value === 'NOTPROVIDED' ? null : value;
      else if (under('Refs', 'AcctSvcrRef')) transaction.accountServicerReference = value;
      else if (under('RltdPties', 'Dbtr', 'Nm') || under('RltdPties', 'Dbtr', 'Pty', 'Nm')) transaction.debtorName = value;
      else if (under('RltdPties', 'DbtrAcct', 'Id', 'IBAN')) transaction.debtorIban = value;
      else if (under('RmtInf', 'Ustrd')) transaction.unstructured = transaction.unstructured ? `${transaction.unstructured} ${value}` : value;
      else if (under('CdtrRefInf', 'Ref')) transaction.creditorReferences.push(value);
      else if (inside('RtrInf') && (under('Rsn', 'Cd') || under('Rsn', 'Prtry'))) transaction.returnReason = value;
    }
    if (name === 'TxDtls' && entry && transaction) {
      entry.transactions.push(transaction);
      transaction = null;
    } else if (name === 'Ntry' && entry && statement) {
      if (entry.transactions.length === 0) entry.transactions.push(emptyTransaction());
      pending.push(entry);
      pendingStatements.push(statement);
      statementEntries++;
      entry = null;
    } else if (CONTAINERS.has(name) && path.length === 3 && statement) {
      handlers.onStatement?.(statement, statementEntries);
      statements++;
      statement = null;
    }
    path.pop();
    text = '';
  });

  let failure: Error | null = null;
  parser.on('error', (error) => {
    failure ??= error instanceof CamtFormatError ? error : new CamtFormatError(error.message.replace(/^\S*:\d+:\d+: /, ''), parser.line, parser.column);
  });

  input.setEncoding('utf8');
  for await (const chunk of input) {
    try {
      parser.write(chunk as string);
    } catch (error) {
      failure ??= error instanceof CamtFormatError ? error : new CamtFormatError((error as Error).message.replace(/^\S*:\d+:\d+: /, ''), parser.line, parser.column);
    }
    if (failure) throw failure;
    // Entries read from this chunk are handed over before the next one is parsed.
    while (pending.length > 0) await handlers.onEntry(pending.shift() as CamtEntry, pendingStatements.shift() as CamtStatement);
  }
  try {
    parser.close();
  } catch (error) {
    failure ??= new CamtFormatError((error as Error).message.replace(/^\S*:\d+:\d+: /, ''), parser.line, parser.column);
  }
  if (failure) throw failure;
  while (pending.length > 0) await handlers.onEntry(pending.shift() as CamtEntry, pendingStatements.shift() as CamtStatement);
  if (!info) throw new CamtFormatError('The body is empty');
  if (statements === 0) throw new CamtFormatError(`The ${(info as CamtMessageInfo).type} message holds no statement, report or notification`);
  handlers.onMessage?.(info);
  return info;
}
