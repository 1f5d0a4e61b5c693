// Payloads that only webhooks carry: no Backend API schema has these shapes.
import type {
  CommerceMoneyResponseJSON,
  CommercePayerResponseJSON,
  CommerceTotalsResponseJSON,
  OrganizationInvitationJSON,
  PermissionJSON,
  SessionJSON,
  UserJSON,
} from '@clerk/bapi-client';

/** `data` of `session.*` events: the session with its user attached. */
export interface SessionWebhookEventJSON extends SessionJSON {
  /** The session's user (newer deliveries; `null` when the user is gone). */
  user?: UserJSON | null;
}

/** `data` of `organizationInvitation.accepted`: the invitation and who accepted it. */
export interface OrganizationInvitationAcceptedJSON extends OrganizationInvitationJSON {
  /** Always `accepted` for this event. */
  status: 'accepted';
  /** The user who accepted the invitation and joined the organization. */
  user_id: string;
}

/** `data` of `role.*` events: an organization role with its permissions. */
export interface RoleJSON {
  /** Always `role`. */
  object: 'role';
  /** The role's ID. */
  id: string;
  /** The role key, e.g. `org:admin`. */
  key: string;
  /** The display name. */
  name: string;
  /** The role's description, if it has one. */
  description: string | null;
  /** The permissions the role grants. */
  permissions: PermissionJSON[];
  /** Whether an organization's creator can be given this role. */
  is_creator_eligible: boolean;
  /** Epoch milliseconds. */
  created_at: number;
  /** Epoch milliseconds. */
  updated_at: number;
}

/** Lifecycle states of a billing subscription or subscription item, as webhooks report them. */
export type BillingStatus =
  | 'abandoned'
  | 'active'
  | 'canceled'
  | 'ended'
  | 'expired'
  | 'incomplete'
  | 'past_due'
  | 'upcoming';

/** `data` of `subscriptionItem.*` events (and the items inside subscription and payment-attempt events). */
export interface SubscriptionItemWebhookEventJSON {
  /** Always `commerce_subscription_item`. */
  object: 'commerce_subscription_item';
  /** The subscription item's ID. */
  id: string;
  /** The item's lifecycle state. */
  status: BillingStatus;
  /** The plan this item subscribes to, when known. */
  plan_id?: string | null;
  /** The plan this item subscribes to, when the delivery includes it. */
  plan?: {
    /** The plan's ID. */
    id: string;
    /** The plan's display name. */
    name: string;
    /** The plan's slug. */
    slug: string;
    /** Price in the currency's smallest unit. */
    amount: number;
    /** The price's currency code. */
    currency: string;
    /** The plan's billing period. */
    period: 'month' | 'annual';
  } | null;
  /** The billing period of the item. */
  plan_period: 'month' | 'annual';
  /** Epoch milliseconds. */
  period_start: number;
  /** Epoch milliseconds; `null` for an open-ended period. */
  period_end: number | null;
  /** Epoch milliseconds. */
  canceled_at?: number;
  /** Epoch milliseconds. */
  past_due_at?: number;
  /** The current amount per period. */
  amount?: CommerceMoneyResponseJSON;
  /** Who pays. */
  payer?: CommercePayerResponseJSON;
}

/** `data` of `subscription.*` events. */
export interface SubscriptionWebhookEventJSON {
  /** Always `commerce_subscription`. */
  object: 'commerce_subscription';
  /** The subscription's ID. */
  id: string;
  /** The subscription's lifecycle state. */
  status: BillingStatus;
  /** The ID of the payer (the user or organization that pays). */
  payer_id: string;
  /** Who pays, when the delivery includes it. */
  payer?: CommercePayerResponseJSON;
  /** The most recent payment of the subscription. */
  latest_payment_id?: string;
  /** The payment source (card, ...) the subscription is charged to. */
  payment_source_id?: string;
  /** The subscription's items (one per plan). */
  items: SubscriptionItemWebhookEventJSON[];
  /** Epoch milliseconds. */
  active_at?: number;
  /** Epoch milliseconds. */
  canceled_at?: number;
  /** Epoch milliseconds. */
  ended_at?: number;
  /** Epoch milliseconds. */
  past_due_at?: number;
  /** Epoch milliseconds. */
  created_at: number;
  /** Epoch milliseconds. */
  updated_at: number;
}

/** `data` of `paymentAttempt.*` events: one attempt to charge a payer. */
export interface PaymentAttemptWebhookEventJSON {
  /** Always `commerce_payment_attempt`. */
  object: 'commerce_payment_attempt';
  /** The payment attempt's ID. */
  id: string;
  /** The ID of the payment this attempt belongs to. */
  payment_id: string;
  /** The ID of the billing statement the payment is on. */
  statement_id: string;
  /** `pending` until the charge succeeds (`paid`) or fails (`failed`). */
  status: 'pending' | 'paid' | 'failed';
  /** `checkout` for a first payment, `recurring` for a renewal. */
  charge_type: 'checkout' | 'recurring';
  /** Who is charged. */
  payer: CommercePayerResponseJSON;
  /** The amounts charged (subtotal, tax, grand total). */
  totals: CommerceTotalsResponseJSON;
  /** The subscription items this attempt pays for. */
  subscription_items: SubscriptionItemWebhookEventJSON[];
  /** Why a failed attempt failed. */
  failed_reason?: { code: string; decline_code: string };
  /** Epoch milliseconds. */
  billing_date: number;
  /** Epoch milliseconds. */
  paid_at?: number;
  /** Epoch milliseconds. */
  failed_at?: number;
  /** Epoch milliseconds. */
  created_at: number;
  /** Epoch milliseconds. */
  updated_at: number;
}
