/**
 * What seeded Passage users are made of: names, mail domains, phone prefixes, the WebAuthn
 * authenticators people really register and the browsers they sign in with. Phones use numbers
 * kept for fiction (the US 555 exchange, UK Ofcom drama ranges) and IP addresses the
 * documentation ranges of RFC 5737, so no seeded value is anyone's real one.
 */
import type { WebAuthnType } from './state.js';

export const FIRST_NAMES = [
  'ada',
  'alan',
  'amara',
  'ben',
  'chloe',
  'diego',
  'elena',
  'farah',
  'grace',
  'hiro',
  'ines',
  'jonas',
  'kofi',
  'lena',
  'mateo',
  'mei',
  'nadia',
  'omar',
  'priya',
  'quinn',
  'rosa',
  'sami',
  'tariq',
  'uma',
  'vera',
  'wei',
  'ximena',
  'yusuf',
  'zoe',
  'linus',
];

export const LAST_NAMES = [
  'lovelace',
  'turing',
  'okafor',
  'schmidt',
  'martin',
  'garcia',
  'rossi',
  'haddad',
  'hopper',
  'tanaka',
  'silva',
  'berg',
  'mensah',
  'novak',
  'lopez',
  'chen',
  'ivanova',
  'farouk',
  'patel',
  'obrien',
  'costa',
  'nakamura',
  'kowalski',
  'singh',
  'dubois',
  'zhang',
  'hernandez',
  'yilmaz',
  'murphy',
  'torvalds',
];

export const MAIL_DOMAINS = [
  'gmail.com',
  'outlook.com',
  'proton.me',
  'fastmail.com',
  'icloud.com',
  'example.com',
  'acme.io',
];

/** E.164 prefixes; the emulator appends a zero-padded serial so every seeded phone is unique. */
export const PHONE_PREFIXES = [
  '+1212555',
  '+1415555',
  '+1646555',
  '+1312555',
  '+1206555',
  '+447700900',
  '+447700901',
];

const svg = (fill: string, shape: string) =>
  `data:image/svg+xml;base64,${Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path fill="${fill}" d="${shape}"/></svg>`,
  ).toString('base64')}`;

const icons = (shape: string) => ({ light: svg('#1f1f1f', shape), dark: svg('#f5f5f5', shape) });
const NO_ICONS = { light: null, dark: null };

export interface Authenticator {
  friendlyName: string;
  type: WebAuthnType;
  icons: { light: string | null; dark: string | null };
}

export const AUTHENTICATORS: readonly Authenticator[] = [
  {
    friendlyName: 'iCloud Keychain',
    type: 'passkey',
    icons: icons('M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20z'),
  },
  { friendlyName: 'Google Password Manager', type: 'passkey', icons: icons('M3 12a9 9 0 1 0 18 0H12') },
  { friendlyName: '1Password', type: 'passkey', icons: icons('M12 1a11 11 0 1 0 0 22 11 11 0 0 0 0-22z') },
  { friendlyName: 'Chrome on Mac', type: 'platform', icons: icons('M12 7a5 5 0 1 0 0 10 5 5 0 0 0 0-10z') },
  { friendlyName: 'Windows Hello', type: 'platform', icons: icons('M2 4l9-1v9H2zm11-1l9-1v10h-9z') },
  { friendlyName: 'iPhone 15 Pro', type: 'platform', icons: icons('M7 2h10v20H7z') },
  { friendlyName: 'YubiKey 5C NFC', type: 'security_key', icons: NO_ICONS },
  { friendlyName: 'Titan Security Key', type: 'security_key', icons: NO_ICONS },
];

export interface Browser {
  userAgent: string;
  display: string;
}

export const BROWSERS: readonly Browser[] = [
  {
    userAgent:
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
    display: 'Chrome 131 on macOS',
  },
  {
    userAgent:
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
    display: 'Safari 18 on iOS',
  },
  {
    userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
    display: 'Firefox 133 on Windows',
  },
  {
    userAgent:
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
    display: 'Chrome 131 on Android',
  },
];

export const IP_PREFIXES = ['192.0.2.', '198.51.100.', '203.0.113.'];

export const LOGIN_EVENT_TYPES = ['passkey_login', 'magic_link_login', 'one_time_passcode_login'];
export const REGISTER_EVENT_TYPES = ['passkey_register', 'magic_link_register'];

export const PLANS = ['free', 'pro', 'team'];
