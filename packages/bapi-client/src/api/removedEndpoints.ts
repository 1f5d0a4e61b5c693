// The three 0.x groups whose endpoints no spec describes: written by hand from the 0.x reference.
import { Email, SMSMessage } from '../generated/resources';
import type { Operation } from '../request/operation';
import type { CallOptions, RequestFunction } from '../request/types';
import { deprecationWarning } from '../resources/deprecationWarning';

const CreateEmail: Operation<Email> = { method: 'POST', path: '/emails', input: 'json', resource: Email };
const CreateSMSMessage: Operation<SMSMessage> = {
  method: 'POST',
  path: '/sms_messages',
  input: 'json',
  resource: SMSMessage,
};
const GetInterstitial: Operation<string> = { method: 'GET', path: '/internal/interstitial', text: true };

/** @deprecated The endpoint is gone from the Backend API. */
export class EmailAPI {
  constructor(protected readonly request: RequestFunction) {}

  /** @deprecated The endpoint is gone from the Backend API. */
  createEmail(
    params: { fromEmailName: string; emailAddressId: string; subject: string; body: string },
    options?: CallOptions,
  ) {
    deprecationWarning('EmailAPI.createEmail', 'The Backend API no longer sends emails on request.');
    return this.request(CreateEmail, [], params, options);
  }
}

/** @deprecated The endpoint is gone from the Backend API. */
export class SMSMessageAPI {
  constructor(protected readonly request: RequestFunction) {}

  /** @deprecated The endpoint is gone from the Backend API. */
  createSMSMessage(params: { phoneNumberId: string; message: string }, options?: CallOptions) {
    deprecationWarning(
      'SMSMessageAPI.createSMSMessage',
      'The Backend API no longer sends SMS messages on request.',
    );
    return this.request(CreateSMSMessage, [], params, options);
  }
}

/** @deprecated Use the local or the public interstitial. */
export class InterstitialAPI {
  constructor(protected readonly request: RequestFunction) {}

  /** @deprecated Use the local or the public interstitial. The HTML of the private interstitial. */
  getInterstitial(options?: CallOptions) {
    deprecationWarning('getInterstitial()', 'Use the local or the public interstitial instead.');
    return this.request(GetInterstitial, [], undefined, options);
  }
}
