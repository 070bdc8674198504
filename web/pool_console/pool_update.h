// UpdateUserPool and UpdateUserPoolClient set every setting they are not
// given back to its default (API Reference: UpdateUserPool). The console's edit pages avoid
// that trap by sending the whole current configuration with the learner's
// changes; these functions build such requests from the Describe* answers.
// No ImGui here, so the requests can be tested on their own.
#pragma once

#include "core/base/json.h"

namespace userpool::web {

// An UpdateUserPool request that changes nothing: every updatable member of
// a DescribeUserPool "UserPool" document.
Json update_user_pool_request(const Json& user_pool);

// An UpdateUserPoolClient request that changes nothing, from a
// DescribeUserPoolClient "UserPoolClient" document (the secret and dates,
// which cannot be updated, are left out).
Json update_user_pool_client_request(const Json& user_pool_client);

}  // namespace userpool::web
