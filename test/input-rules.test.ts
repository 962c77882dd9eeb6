import { describe, expect, it } from 'vitest';
import { isE164PhoneNumber, isEmailAddress, MAX_EMAIL_LENGTH } from '../src/input-rules.js';

describe('input rules', () => {
  it.each([
    ['name@example.com', true],
    ['ada.lovelace+tag@mail.example.org', true],
    ['ünïcode@exämple.com', true],
    ['a@..b', true],
    ['a@b', false],
    ['a@b.', false],
    ['a@.b', false],
    ['@example.com', false],
    ['ada@', false],
    ['ada lovelace@example.com', false],
    ['a@b@c.d', false],
    [`${'a'.repeat(MAX_EMAIL_LENGTH - '@example.com'.length)}@example.com`, true],
    [`${'a'.repeat(MAX_EMAIL_LENGTH + 1 - '@example.com'.length)}@example.com`, false],
  ])('reads %j as an e-mail address: %s', (value, expected) => {
    expect(isEmailAddress(value)).toBe(expected);
  });

  it.each([
    ['+15005550006', true],
    ['+4930123456', true],
    // The shortest numbers issued: a 3-digit country code and 4 subscriber digits.
    ['+6831234', true],
    ['+683123', false],
    ['+123456789012345', true],
    ['+1234567890123456', false],
    ['+0123456789', false],
    ['15005550006', false],
    ['+1500CALLME', false],
  ])('reads %j as an E.164 number: %s', (value, expected) => {
    expect(isE164PhoneNumber(value)).toBe(expected);
  });

  it.each([
    ['dots after the @', `a@${'.'.repeat(60 * 1024)} `],
    ['one long domain label', `a@b${'c'.repeat(60 * 1024)} `],
    ['a long local part', `${'a'.repeat(60 * 1024)} @example.com`],
  ])('refuses a 60 KB e-mail of %s in under 100 ms', (_, hostile) => {
    const started = performance.now();
    expect(isEmailAddress(hostile)).toBe(false);
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('refuses a 60 KB phone number in under 100 ms', () => {
    const started = performance.now();
    expect(isE164PhoneNumber(`+${'1'.repeat(60 * 1024)}x`)).toBe(false);
    expect(performance.now() - started).toBeLessThan(100);
  });
});
