#include "web/api_log/api_log_format.h"

#include <algorithm>
#include <cctype>

#include "core/base/clock.h"

namespace userpool::web {
namespace {

constexpr std::string_view kSandboxPrefix = "Sandbox.";

// Strings longer than this are shortened in the list's summary line.
constexpr std::size_t kLongString = 40;
constexpr std::size_t kLongStringKept = 12;

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower_or_digit(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

std::string pretty(const Json& body) {
  // `replace`: a body a learner typed may hold invalid UTF-8; show it, never throw.
  return body.dump(2, ' ', false, Json::error_handler_t::replace);
}

// A copy of `value` with long strings replaced by their start and length.
Json shorten_long_strings(const Json& value) {
  if (value.is_string()) {
    const auto& s = value.get_ref<const std::string&>();
    if (s.size() <= kLongString) return value;
    return s.substr(0, kLongStringKept) + "\xE2\x80\xA6 (" + std::to_string(s.size()) + " chars)";
  }
  if (value.is_object()) {
    Json out = Json::object();
    for (auto it = value.begin(); it != value.end(); ++it) out[it.key()] = shorten_long_strings(it.value());
    return out;
  }
  if (value.is_array()) {
    Json out = Json::array();
    for (const auto& item : value) out.push_back(shorten_long_strings(item));
    return out;
  }
  return value;
}

// Cuts UTF-8 text to at most `max` bytes without splitting a character.
std::string cut_utf8(std::string text, std::size_t max) {
  if (text.size() <= max) return text;
  std::size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0u) == 0x80u) --end;
  text.resize(end);
  return text + "\xE2\x80\xA6";
}

}  // namespace

std::string_view plain_operation(std::string_view operation) {
  if (operation.substr(0, kTargetPrefix.size()) == kTargetPrefix) operation.remove_prefix(kTargetPrefix.size());
  return operation;
}

bool is_sandbox_operation(std::string_view operation) {
  return operation.substr(0, kSandboxPrefix.size()) == kSandboxPrefix;
}

std::string cli_operation_name(std::string_view operation) {
  const std::string_view op = plain_operation(operation);
  std::string out;
  for (std::size_t i = 0; i < op.size(); ++i) {
    const char c = op[i];
    if (is_upper(c) && i > 0) {
      // A new word starts at an upper-case letter after a lower-case one
      // ("SignUp"), or at the last capital of an acronym followed by a
      // lower-case letter ("MFAPreference": M F A | Preference).
      const bool after_lower = is_lower_or_digit(op[i - 1]);
      const bool acronym_end = is_upper(op[i - 1]) && i + 1 < op.size() && is_lower_or_digit(op[i + 1]);
      if (after_lower || acronym_end) out += '-';
    }
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

std::string text_member(const Json& object, const char* name) {
  if (!object.is_object()) return {};
  const auto it = object.find(name);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string error_type(const ApiLogEntry& entry) {
  if (entry.status == 200) return {};
  std::string type = text_member(entry.response, "__type");
  return type.empty() ? "HTTP " + std::to_string(entry.status) : type;
}

bool needs_iam_signature(std::string_view operation) {
  // The operations a user's app calls with no AWS credentials at all (they
  // carry a ClientId, a session or an access token instead); everything else
  // in Cognito's API is signed with IAM credentials.
  static constexpr std::string_view kPublic[] = {
      "AssociateSoftwareToken", "ChangePassword",        "ConfirmDevice",
      "ConfirmForgotPassword",  "ConfirmSignUp",         "DeleteUser",
      "DeleteUserAttributes",   "ForgetDevice",          "ForgotPassword",
      "GetDevice",              "GetUser",               "GetUserAttributeVerificationCode",
      "GlobalSignOut",          "InitiateAuth",          "ListDevices",
      "ResendConfirmationCode", "RespondToAuthChallenge", "RevokeToken",
      "SetUserMFAPreference",   "SetUserSettings",       "SignUp",
      "UpdateDeviceStatus",     "UpdateUserAttributes",  "VerifySoftwareToken",
      "VerifyUserAttribute",    "GetTokensFromRefreshToken", "GetUserAuthFactors"};
  const std::string_view op = plain_operation(operation);
  if (is_sandbox_operation(op)) return false;
  return std::find(std::begin(kPublic), std::end(kPublic), op) == std::end(kPublic);
}

const char* http_reason(int status) {
  switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    default: return "";
  }
}

std::string wire_request(const ApiLogEntry& entry, std::string_view region) {
  const std::string_view op = plain_operation(entry.operation);
  std::string out = "POST / HTTP/1.1\n";
  out += "Host: cognito-idp." + std::string(region) + ".amazonaws.com\n";
  // The sandbox's own operations keep their name; Cognito's carry the
  // service's target prefix.
  out += "X-Amz-Target: " + (is_sandbox_operation(op) ? std::string(op) : std::string(kTargetPrefix) + std::string(op)) + "\n";
  out += "Content-Type: application/x-amz-json-1.1\n";
  if (needs_iam_signature(op)) {
    // The shape of a SigV4 signature, without one: the sandbox has no IAM.
    const std::string iso = to_iso8601(entry.time);  // 2026-11-23T08:00:00.000Z
    const std::string date = iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2);
    const std::string amz_date = date + "T" + iso.substr(11, 2) + iso.substr(14, 2) + iso.substr(17, 2) + "Z";
    out += "X-Amz-Date: " + amz_date + "\n";
    out += "Authorization: AWS4-HMAC-SHA256 Credential=<access key ID>/" + date + "/" + std::string(region) +
           "/cognito-idp/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=<signature>\n";
  }
  out += "\n" + pretty(entry.request);
  return out;
}

std::string wire_response(const ApiLogEntry& entry) {
  std::string out = "HTTP/1.1 " + std::to_string(entry.status);
  if (const char* reason = http_reason(entry.status); *reason != '\0') out += std::string(" ") + reason;
  out += "\nContent-Type: application/x-amz-json-1.1\n";
  // The AWS JSON protocol names the error in a header as well as in __type.
  if (entry.status != 200) out += "x-amzn-ErrorType: " + error_type(entry) + ":\n";
  out += "\n" + pretty(entry.response);
  return out;
}

std::string aws_cli_command(const ApiLogEntry& entry) {
  if (is_sandbox_operation(plain_operation(entry.operation))) return {};
  std::string json = entry.request.dump(-1, ' ', false, Json::error_handler_t::replace);
  // Inside single quotes a shell takes everything literally except the
  // closing quote itself, written as '\'' (close, escaped quote, reopen).
  std::string quoted;
  for (const char c : json) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return "aws cognito-idp " + cli_operation_name(entry.operation) + " --cli-input-json '" + quoted + "'";
}

std::string request_summary(const Json& request, std::size_t max_chars) {
  if (request.is_object() && request.empty()) return {};
  return cut_utf8(shorten_long_strings(request).dump(-1, ' ', false, Json::error_handler_t::replace), max_chars);
}

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string searchable_text(const ApiLogEntry& entry) {
  return lower_ascii(entry.operation + "\n" + entry.request.dump(-1, ' ', false, Json::error_handler_t::replace) +
                     "\n" + entry.response.dump(-1, ' ', false, Json::error_handler_t::replace));
}

}  // namespace userpool::web
