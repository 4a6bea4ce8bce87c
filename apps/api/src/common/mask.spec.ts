import { maskPhone } from './mask';

describe('maskPhone', () => {
  test('mobile numbers keep the first three and last four digits', () => {
    expect(maskPhone('13800138000')).toBe('138****8000');
    expect(maskPhone('138-0013-8000')).toBe('138****8000');
    expect(maskPhone('+86 138 0013 8000')).toBe('138****8000');
    expect(maskPhone('138****8000')).toBe('138****8000');
  });
  test('short numbers keep only their last two digits; null stays null', () => {
    expect(maskPhone('12345')).toBe('***45');
    expect(maskPhone('7')).toBe('*');
    expect(maskPhone(null)).toBeNull();
  });
});
