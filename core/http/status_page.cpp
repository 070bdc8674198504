#include "core/http/status_page.h"

#include "core/base/clock.h"
#include "core/base/html.h"

namespace userpool {

namespace {

std::string text(const Json& value) {
  return html_escape(value.is_string() ? value.get<std::string>() : value.is_null() ? std::string() : value.dump());
}

std::string attribute(const Json& user, std::string_view name) {
  for (const Json& a : user.value("Attributes", Json::array()))
    if (a.value("Name", "") == name) return text(a["Value"]);
  return {};
}

std::string time_of(const Json& seconds) {
  if (!seconds.is_number()) return {};
  return html_escape(to_iso8601(from_epoch_millis(static_cast<std::int64_t>(seconds.get<double>() * 1000.0))));
}

constexpr std::string_view kStyle =
    "body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;color:#1b1f24;background:#fff}"
    "h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem}h3{font-size:1rem;margin:1.2rem 0 .4rem}"
    "table{border-collapse:collapse;width:100%;margin:.3rem 0 1rem}th,td{text-align:left;padding:.3rem .6rem;"
    "border-bottom:1px solid #d0d7de;vertical-align:top}th{background:#f3f5f7}code{font:13px ui-monospace,monospace;"
    "background:#f3f5f7;padding:.1rem .3rem;border-radius:3px;word-break:break-all}.muted{color:#57606a}a{color:#0b57d0}"
    "@media (prefers-color-scheme:dark){body{background:#16191d;color:#e6e8eb}th,code{background:#262b31}"
    "th,td{border-color:#3a4149}.muted{color:#9aa4ae}a{color:#8ab4f8}}";

}  // namespace

std::string status_page(Door& door, std::string_view host) {
  const std::string endpoint = host.empty() ? std::string("http://127.0.0.1:9229") : "http://" + std::string(host);
  std::string page = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>userpool-sandbox endpoint</title><style>";
  page += kStyle;
  page += "</style></head><body><h1>userpool-sandbox endpoint</h1>";
  page += "<p>The Cognito user pool API at <code>" + html_escape(endpoint) +
          "</code>. Point a client at it, for example <code>aws cognito-idp list-user-pools --max-results 10 --endpoint-url " +
          html_escape(endpoint) + "</code>. Reload this page to see new users and messages.</p>";

  const Json pools = door.read("ListUserPools", Json{{"MaxResults", 60}}).body.value("UserPools", Json::array());
  page += "<h2>User pools (" + std::to_string(pools.size()) + ")</h2>";
  if (pools.empty()) page += "<p class=\"muted\">None yet. <code>aws cognito-idp create-user-pool --pool-name my-pool --endpoint-url " +
                             html_escape(endpoint) + "</code> makes one.</p>";
  for (const Json& pool : pools) {
    const std::string id = pool.value("Id", "");
    page += "<h3>" + text(pool["Name"]) + " <code>" + html_escape(id) + "</code></h3>";
    const Json clients =
        door.read("ListUserPoolClients", Json{{"UserPoolId", id}, {"MaxResults", 60}}).body.value("UserPoolClients", Json::array());
    page += "<p>App clients: ";
    if (clients.empty()) page += "<span class=\"muted\">none</span>";
    for (std::size_t i = 0; i < clients.size(); ++i)
      page += (i ? ", " : "") + text(clients[i]["ClientName"]) + " <code>" + text(clients[i]["ClientId"]) + "</code>";
    page += " &middot; <a href=\"/" + html_escape(id) + "/.well-known/jwks.json\">JWKS</a> &middot; <a href=\"/" +
            html_escape(id) + "/.well-known/openid-configuration\">OpenID configuration</a></p>";
    const Json users = door.read("ListUsers", Json{{"UserPoolId", id}, {"Limit", 60}}).body.value("Users", Json::array());
    if (users.empty()) {
      page += "<p class=\"muted\">No users.</p>";
      continue;
    }
    page += "<table><tr><th>Username</th><th>Status</th><th>Email</th><th>Phone</th><th>sub</th></tr>";
    for (const Json& u : users)
      page += "<tr><td>" + text(u["Username"]) + "</td><td>" + text(u["UserStatus"]) + "</td><td>" + attribute(u, "email") +
              "</td><td>" + attribute(u, "phone_number") + "</td><td><code>" + attribute(u, "sub") + "</code></td></tr>";
    page += "</table>";
  }

  const Json messages = door.read("Sandbox.ListMessages", Json{{"MaxResults", 20}}).body.value("Messages", Json::array());
  page += "<h2>Latest messages</h2>";
  if (messages.empty()) page += "<p class=\"muted\">No messages sent yet. Codes for sign-up, password reset and MFA appear here.</p>";
  else {
    page += "<table><tr><th>Sent</th><th>To</th><th>User</th><th>Why</th><th>Code</th></tr>";
    for (const Json& m : messages)
      page += "<tr><td>" + time_of(m["Time"]) + "</td><td>" + text(m["Destination"]) + "</td><td>" + text(m["Username"]) +
              " <span class=\"muted\">" + text(m["UserPoolId"]) + "</span></td><td>" + text(m["Purpose"]) + "</td><td><code>" +
              text(m.value("Code", Json(""))) + "</code></td></tr>";
    page += "</table>";
  }
  page += "<p class=\"muted\">Sandbox.ListMessages returns the same messages as JSON.</p></body></html>";
  return page;
}

}  // namespace userpool
