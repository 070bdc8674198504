// Every limit and lifetime Cognito applies, in one place under Cognito's
// own names, each with where Cognito states it. The operations read them from
// here; a learner or a maintainer checking one against the documentation
// reads this one file.
//
// Sources (the Amazon Cognito Developer Guide and API Reference):
//   [quotas]   "Quotas in Amazon Cognito" (resource quotas, per-user limits)
//   [tokens]   "Using tokens with user pools" and the CreateUserPoolClient
//              API reference (AccessTokenValidity, IdTokenValidity,
//              RefreshTokenValidity, AuthSessionValidity)
//   [email]    "Email settings for Amazon Cognito user pools" (the default
//              email sender)
//   [codes]    "Signing up and confirming user accounts", "Resetting a user
//              password" and "Verifying updates to email addresses and
//              phone numbers"
//   [lockout]  "User pool authentication flow" (see rules/lockout.h)
#pragma once

#include <chrono>
#include <cstddef>

namespace userpool::quotas {

// --- Resource quotas [quotas] ----------------------------------------------
inline constexpr std::size_t kUserPoolsPerAccount = 1000;    // user pools per Region
inline constexpr std::size_t kAppClientsPerUserPool = 1000;  // app clients per user pool
inline constexpr std::size_t kGroupsPerUserPool = 10000;     // groups per user pool
inline constexpr std::size_t kResourceServersPerUserPool = 25;
inline constexpr std::size_t kIdentityProvidersPerUserPool = 300;  // identity providers per user pool (the default quota)
inline constexpr std::size_t kIdpIdentifiersPerProvider = 50;      // IdpIdentifiers per identity provider   // resource servers per user pool (the default quota)
inline constexpr std::size_t kScopesPerResourceServer = 100;     // custom scopes per resource server
inline constexpr std::size_t kGroupsPerUser = 100;           // groups a user can belong to
inline constexpr std::size_t kCustomAttributesPerUserPool = 50;
inline constexpr std::size_t kCustomAttributeNameLength = 20;  // after "custom:"

// --- Email [email] -----------------------------------------------------------
// COGNITO_DEFAULT (email sent by Cognito itself): 50 a day for the whole
// account, counted per UTC day.
inline constexpr int kCognitoDefaultEmailsPerDay = 50;

// --- Codes [codes] ----------------------------------------------------------
inline constexpr auto kSignUpCodeLifetime = std::chrono::hours(24);           // ConfirmSignUp
inline constexpr auto kAttributeVerificationCodeLifetime = std::chrono::hours(24);  // VerifyUserAttribute
inline constexpr auto kPasswordResetCodeLifetime = std::chrono::hours(1);      // ConfirmForgotPassword

// --- Per-user limits, per hour [quotas] --------------------------------------
// Past one: LimitExceededException ("Attempt limit exceeded, please try after
// some time.").
inline constexpr auto kPerUserLimitWindow = std::chrono::hours(1);
// UNVERIFIED: Cognito gives password recovery a risk-based range (5 to 20 a
// user an hour); the sandbox picks a fixed point in it.
inline constexpr int kForgotPasswordPerHour = 5;
inline constexpr int kConfirmForgotPasswordPerHour = 10;
inline constexpr int kChangePasswordPerHour = 5;
inline constexpr int kAttributeVerificationCodesPerHour = 5;  // GetUserAttributeVerificationCode
inline constexpr int kConfirmSignUpPerHour = 15;
inline constexpr int kResendConfirmationCodePerHour = 5;

// --- Token lifetimes [tokens] --------------------------------------------------
// Defaults when an app client sets none, and the units each is counted in
// when TokenValidityUnits does not say.
inline constexpr auto kDefaultAccessTokenValidity = std::chrono::hours(1);
inline constexpr auto kDefaultIdTokenValidity = std::chrono::hours(1);
inline constexpr int kDefaultRefreshTokenValidityDays = 30;
inline constexpr const char* kDefaultAccessTokenUnit = "hours";
inline constexpr const char* kDefaultIdTokenUnit = "hours";
inline constexpr const char* kDefaultRefreshTokenUnit = "days";
// AuthSessionValidity: how long the session of a challenge (MFA, a new
// password) lasts, 3 to 15 minutes.
inline constexpr int kDefaultAuthSessionValidityMinutes = 3;

// --- The sandbox's own bounds (not Cognito's) ---------------------------------
// ListUsers' PaginationToken stays usable this long.
inline constexpr auto kPaginationTokenLifetime = std::chrono::hours(1);
// A refresh-token lineage is kept this long after it expired, so a late
// refresh gets "expired" rather than "invalid".
inline constexpr auto kExpiredLineageKeptFor = std::chrono::hours(24);
// The wizard's unfinished form kept with the sandbox.
inline constexpr std::size_t kWizardDraftBytes = 64 * 1024;

}  // namespace userpool::quotas
