import type { Detector } from '../detector.js';
import { creditCardDetector } from './credit-card.js';
import { cryptoWalletDetector } from './crypto-wallet.js';
import { emailDetector } from './email.js';
import { ibanDetector } from './iban.js';
import { ipAddressDetector } from './ip-address.js';
import { macAddressDetector } from './mac-address.js';
import { phoneDetector } from './phone.js';
import { urlDetector } from './url.js';
import { usSsnDetector } from './us-ssn.js';

/** Validated pattern detectors for contact, payment and network data. */
export const structuredDetectors: readonly Detector[] = [
  emailDetector,
  phoneDetector,
  creditCardDetector,
  ibanDetector,
  usSsnDetector,
  ipAddressDetector,
  urlDetector,
  macAddressDetector,
  cryptoWalletDetector,
];
