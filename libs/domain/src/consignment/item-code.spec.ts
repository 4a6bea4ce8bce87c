import fc from 'fast-check';
import { defaultPolicy } from '../policy/default-policy';
import { formatConsignmentCode, parseConsignmentCode } from './item-code';

describe('consignment item codes (002 ch.12 §1)', () => {
  it('002 ch.12 §1: pf (wholesale) / jm (franchise) + number + surname, e.g. pf012李', () => {
    expect(
      formatConsignmentCode({ kind: 'wholesale', number: 12, surname: '李' }, defaultPolicy),
    ).toBe('pf012李');
    expect(parseConsignmentCode('jm07薛', defaultPolicy)).toEqual({
      kind: 'franchise',
      number: 7,
      surname: '薛',
    });
    expect(parseConsignmentCode('pf100欧阳', defaultPolicy)).toEqual({
      kind: 'wholesale',
      number: 100,
      surname: '欧阳',
    });
  });

  it('rejects codes with another prefix, no number or a non-Chinese surname (CONSIGNMENT_CODE_INVALID)', () => {
    for (const bad of ['xx012李', 'pf李', 'pf012Li', 'pf012']) {
      expect(() => parseConsignmentCode(bad, defaultPolicy)).toThrow(
        expect.objectContaining({ code: 'CONSIGNMENT_CODE_INVALID' }),
      );
    }
    expect(() =>
      formatConsignmentCode({ kind: 'wholesale', number: -1, surname: '李' }, defaultPolicy),
    ).toThrow(expect.objectContaining({ code: 'CONSIGNMENT_CODE_INVALID' }));
  });

  it('property: format then parse round-trips', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('wholesale' as const, 'franchise' as const),
        fc.nat({ max: 99999 }),
        fc.constantFrom('李', '薛', '王', '欧阳'),
        (kind, number, surname) => {
          const parsed = parseConsignmentCode(
            formatConsignmentCode({ kind, number, surname }, defaultPolicy),
            defaultPolicy,
          );
          return parsed.kind === kind && parsed.number === number && parsed.surname === surname;
        },
      ),
    );
  });
});
