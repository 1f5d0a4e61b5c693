// @clerk/backend/webhooks: webhook verification and the typed events (@clerk/webhooks), as current Clerk SDKs
// import them.
export * from '@clerk/webhooks';
