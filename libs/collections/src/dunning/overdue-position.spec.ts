import { decodePosition, encodePosition } from './overdue-position';

describe('overdue walk position (sweep checkpoint)', () => {
  const position = { dueDate: '2026-03-31', invoiceId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' };

  it('round-trips through the checkpoint string', () => {
    expect(decodePosition(encodePosition(position))).toEqual(position);
  });

  it('starts over for no checkpoint, or for one written before positions carried the due date', () => {
    expect(decodePosition(null)).toBeNull();
    expect(decodePosition(position.invoiceId)).toBeNull();
    expect(decodePosition('garbage/with/slashes')).toBeNull();
  });
});
