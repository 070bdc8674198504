// The simulated providers' pages, in a neutral look of their own (no
// provider's marks): choose or add a test account, agree to share it with
// the app, and the page Sign in with Apple posts its answer back with.
// Every value is escaped; the pages run no script (the app's browser view
// shows them in a frame that allows none), so the form_post page has a
// button where Apple's runs a script.
#pragma once

#include <string>
#include <vector>

#include "core/base/url.h"
#include "core/services/simulated_idp/simulated_idp.h"

namespace userpool::simulated_idp {

// The sign-in page: the remembered accounts (each a button), and a form
// for another (email address, display name). `action` is the served
// authorize URL with its query.
std::string render_sign_in_page(const SiteRef& site, const std::string& action, const std::string& client_id,
                                const std::vector<TestAccount>& remembered, const std::string& error, const std::string& login_hint);

// The consent step: what the app asks to see, Allow, and a Cancel link
// (the redirect back with error=access_denied).
std::string render_consent_page(const SiteRef& site, const std::string& action, const std::string& client_id,
                                const TestAccount& account, const std::string& scope, const std::string& cancel_url);

// An error at the provider that it cannot send back (no redirect_uri).
std::string render_provider_error(const SiteRef& site, const std::string& message);

// response_mode=form_post: a form carrying the answer to the redirect URI.
std::string render_form_post(const SiteRef& site, const std::string& redirect_uri, const UrlParams& fields);

}  // namespace userpool::simulated_idp
