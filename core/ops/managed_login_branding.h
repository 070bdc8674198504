// What a managed login branding style makes of the page (see
// managed_login_branding.cpp for the operations).
#pragma once

#include "core/base/json.h"
#include "core/model/user_pool.h"

namespace userpool::ops {

// The settings Cognito starts every style from (a subset of its document:
// the colours of the page, the form and the primary button, light and dark).
// UNVERIFIED: the full key layout of Cognito's settings document is not
// published; the sandbox keeps whatever a style sets and reads these keys.
const Json& managed_login_default_settings();

// A style's settings merged over the defaults (what ReturnMergedResources
// shows, and what the pages use).
Json merged_managed_login_settings(const ManagedLoginBranding& branding);

}  // namespace userpool::ops
