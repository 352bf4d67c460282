import { joinBytes } from '../../../src/core/shared/bytes';

describe('joining bytes', () => {
  it('joins chunks in order, empty ones included', () => {
    const joined = joinBytes([Uint8Array.of(1, 2), new Uint8Array(0), Uint8Array.of(3), Uint8Array.of(4, 5, 6)]);
    expect([...joined]).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('gives an empty array for no chunks', () => {
    expect(joinBytes([]).length).toBe(0);
  });
});
