import fc from 'fast-check';

import {
  CREDIT_CODE_ALPHABET,
  creditCodeCheckCharacter,
  creditCodeProblem,
  organisationCodeCheckCharacter,
} from './credit-code';

const symbol = fc.constantFrom(...CREDIT_CODE_ALPHABET);
const digit = fc.constantFrom(...'0123456789');
const symbols = (length: number) =>
  fc.array(symbol, { minLength: length, maxLength: length }).map((s) => s.join(''));
const digits = (length: number) =>
  fc.array(digit, { minLength: length, maxLength: length }).map((s) => s.join(''));

/** Any well-formed code: a known authority, a type 1-9, six digits, a checked organisation code. */
const validCode = fc
  .tuple(fc.constantFrom(...'123456789ANY'), fc.constantFrom(...'123456789'), digits(6), symbols(8))
  .map(([authority, type, region, body]) => {
    const first17 = `${authority}${type}${region}${body}${organisationCodeCheckCharacter(body)}`;

    return first17 + creditCodeCheckCharacter(first17);
  });

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts real codes', () => {
    for (const code of [
      '91350100M000100Y43',
      '9144030071526726XG',
      '91110108551385082Q',
      '91310000MA1FW1BXX2',
      '12100000400000624D',
    ])
      expect({ code, problem: creditCodeProblem(code) }).toEqual({ code, problem: null });
  });

  it('accepts every well-formed code it can build', () =>
    fc.assert(fc.property(validCode, (code) => creditCodeProblem(code) === null)));

  it('catches every single mistyped character', () =>
    fc.assert(
      fc.property(validCode, fc.nat(17), symbol, (code, at, replacement) => {
        fc.pre(code[at] !== replacement);
        const typo = code.slice(0, at) + replacement + code.slice(at + 1);

        return creditCodeProblem(typo) !== null;
      }),
    ));

  it('catches two neighbouring characters swapped', () =>
    fc.assert(
      fc.property(validCode, fc.nat(16), (code, at) => {
        fc.pre(code[at] !== code[at + 1]);
        const swapped = code.slice(0, at) + code[at + 1]! + code[at]! + code.slice(at + 2);

        return creditCodeProblem(swapped) !== null;
      }),
    ));
});
