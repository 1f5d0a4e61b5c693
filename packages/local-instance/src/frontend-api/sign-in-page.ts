const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, character => `&#${character.charCodeAt(0)};`);

/** The minimal sign-in page: an email address, a password (checked only if the user has one), a submit button. */
export function signInPage(redirectUrl: string, error: string | null = null): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Sign in · local Clerk instance</title></head>
<body>
<h1>Sign in</h1>
${error ? `<p role="alert" id="error">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/sign-in">
<input type="hidden" name="redirect_url" value="${escapeHtml(redirectUrl)}">
<label>Email address <input name="identifier" type="email" autocomplete="username" required></label>
<label>Password <input name="password" type="password" autocomplete="current-password"></label>
<button type="submit">Sign in</button>
</form>
</body>
</html>
`;
}
