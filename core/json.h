// The JSON type of the simulation. Insertion-ordered, so documents come out
// with their members in the order Cognito sends them (a learner comparing a
// response with the real one sees the same shape).
#pragma once

#include <nlohmann/json.hpp>

namespace userpool {
using Json = nlohmann::ordered_json;
}
