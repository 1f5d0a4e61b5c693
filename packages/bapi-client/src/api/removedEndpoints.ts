// The three 0.x groups whose endpoints no spec describes: written by hand from the 0.x reference.

import { deprecated } from '@clerk/jwt-core';
import { Email, SMSMessage } from '../generated/resources';
import { defineOperation } from '../request/operation';
import type { CallOptions, RequestFunction } from '../request/types';

/** @deprecated The endpoint is gone from the Backend API. */
export class EmailAPI {
  constructor(protected readonly request: RequestFunction) {}

  /** @deprecated The endpoint is gone from the Backend API. */
  createEmail(
    params: {
      /** Sent as `from_email_name`: the name the email is sent from. */
      fromEmailName: string;
      /** Sent as `email_address_id`: the ID of the email address to send to. */
      emailAddressId: string;
      /** The email's subject. */
      subject: string;
      /** The email's body. */
      body: string;
    },
    options?: CallOptions,
  ) {
    deprecated('EmailAPI.createEmail', 'The Backend API no longer sends emails on request.');
    return this.request(defineOperation<Email>('POST /emails json', Email), [], params, options);
  }
}

/** @deprecated The endpoint is gone from the Backend API. */
export class SMSMessageAPI {
  constructor(protected readonly request: RequestFunction) {}

  /** @deprecated The endpoint is gone from the Backend API. */
  createSMSMessage(
    params: {
      /** Sent as `phone_number_id`: the ID of the phone number to send to. */
      phoneNumberId: string;
      /** The text of the message. */
      message: string;
    },
    options?: CallOptions,
  ) {
    deprecated('SMSMessageAPI.createSMSMessage', 'The Backend API no longer sends SMS messages on request.');
    return this.request(
      defineOperation<SMSMessage>('POST /sms_messages json', SMSMessage),
      [],
      params,
      options,
    );
  }
}

/** @deprecated Use the local or the public interstitial. */
export class InterstitialAPI {
  constructor(protected readonly request: RequestFunction) {}

  /** @deprecated Use the local or the public interstitial. The HTML of the private interstitial. */
  getInterstitial(options?: CallOptions) {
    deprecated('getInterstitial()', 'Use the local or the public interstitial instead.');
    return this.request(defineOperation<string>('GET /internal/interstitial text'), [], undefined, options);
  }
}
