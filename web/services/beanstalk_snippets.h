// The code an app on Elastic Beanstalk uses to read its user pool settings
// from the environment properties (COGNITO_USER_POOL_ID,
// COGNITO_APP_CLIENT_ID, AWS_REGION) and talk to Cognito with them, in the
// languages of Beanstalk's common platforms.
#pragma once

namespace userpool::web {

enum class SnippetLanguage { kJavaScript, kPython, kJava };

struct Snippet {
  const char* language;  // as shown on its button: "JavaScript"
  const char* id;        // in widget names: "javascript"
  const char* file;      // where the code goes: "server.mjs"
  const char* install;   // how the SDK is added: "npm install ..."
  const char* code;
};

const Snippet& settings_snippet(SnippetLanguage language);

}  // namespace userpool::web
