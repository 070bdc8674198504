#include "web/services/beanstalk_snippets.h"

namespace userpool::web {
namespace {

const Snippet kJavaScript = {"JavaScript", "javascript", "server.mjs (Node.js)",
                             "npm install @aws-sdk/client-cognito-identity-provider",
                             R"code(// AWS SDK for JavaScript v3 (an ES module: top-level await is allowed).
import {
  CognitoIdentityProviderClient,
  DescribeUserPoolClientCommand,
  InitiateAuthCommand,
} from "@aws-sdk/client-cognito-identity-provider";

// Elastic Beanstalk hands environment properties to the app as environment variables.
const required = ["COGNITO_USER_POOL_ID", "COGNITO_APP_CLIENT_ID", "AWS_REGION"];
const missing = required.filter((name) => !process.env[name]);
if (missing.length > 0) {
  throw new Error(`Missing environment properties: ${missing.join(", ")}`);
}
const userPoolId = process.env.COGNITO_USER_POOL_ID;
const clientId = process.env.COGNITO_APP_CLIENT_ID;
const region = process.env.AWS_REGION;

const cognito = new CognitoIdentityProviderClient({ region });

// At start-up, check that the app client exists. This call needs AWS
// credentials: the environment's instance profile role must allow
// cognito-idp:DescribeUserPoolClient.
const { UserPoolClient } = await cognito.send(
  new DescribeUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: clientId }),
);
console.log(`App client ${UserPoolClient.ClientName} of user pool ${userPoolId}`);

// Signs a user in. The app client must allow ALLOW_USER_PASSWORD_AUTH; a
// client with a secret also needs SECRET_HASH in AuthParameters.
export async function signIn(username, password) {
  const { AuthenticationResult, ChallengeName } = await cognito.send(
    new InitiateAuthCommand({
      ClientId: clientId,
      AuthFlow: "USER_PASSWORD_AUTH",
      AuthParameters: { USERNAME: username, PASSWORD: password },
    }),
  );
  if (!AuthenticationResult) throw new Error(`Challenge to answer: ${ChallengeName}`);
  return AuthenticationResult; // IdToken, AccessToken, RefreshToken
}
)code"};

const Snippet kPython = {"Python", "python", "application.py (Python)", "pip install boto3",
                         R"code(# AWS SDK for Python (boto3).
import os

import boto3

# Elastic Beanstalk hands environment properties to the app as environment variables.
REQUIRED = ("COGNITO_USER_POOL_ID", "COGNITO_APP_CLIENT_ID", "AWS_REGION")
missing = [name for name in REQUIRED if not os.environ.get(name)]
if missing:
    raise RuntimeError("Missing environment properties: " + ", ".join(missing))
USER_POOL_ID = os.environ["COGNITO_USER_POOL_ID"]
CLIENT_ID = os.environ["COGNITO_APP_CLIENT_ID"]
REGION = os.environ["AWS_REGION"]

cognito = boto3.client("cognito-idp", region_name=REGION)

# At start-up, check that the app client exists. This call needs AWS
# credentials: the environment's instance profile role must allow
# cognito-idp:DescribeUserPoolClient.
app_client = cognito.describe_user_pool_client(UserPoolId=USER_POOL_ID, ClientId=CLIENT_ID)["UserPoolClient"]
print(f"App client {app_client['ClientName']} of user pool {USER_POOL_ID}")


def sign_in(username, password):
    """Signs a user in. The app client must allow ALLOW_USER_PASSWORD_AUTH; a
    client with a secret also needs SECRET_HASH in AuthParameters."""
    response = cognito.initiate_auth(
        ClientId=CLIENT_ID,
        AuthFlow="USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": username, "PASSWORD": password},
    )
    if "AuthenticationResult" not in response:
        raise RuntimeError("Challenge to answer: " + response["ChallengeName"])
    return response["AuthenticationResult"]  # IdToken, AccessToken, RefreshToken
)code"};

const Snippet kJava = {"Java", "java", "CognitoSettings.java (Java)",
                       "Maven: software.amazon.awssdk:cognitoidentityprovider",
                       R"code(// AWS SDK for Java 2.x.
import java.util.Map;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DescribeUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

public final class CognitoSettings {
  // Elastic Beanstalk hands environment properties to the app as environment variables.
  static String required(String name) {
    String value = System.getenv(name);
    if (value == null || value.isEmpty()) {
      throw new IllegalStateException("Missing environment property: " + name);
    }
    return value;
  }

  static final String USER_POOL_ID = required("COGNITO_USER_POOL_ID");
  static final String CLIENT_ID = required("COGNITO_APP_CLIENT_ID");
  static final Region REGION = Region.of(required("AWS_REGION"));

  static final CognitoIdentityProviderClient COGNITO =
      CognitoIdentityProviderClient.builder().region(REGION).build();

  public static void main(String[] args) {
    // At start-up, check that the app client exists. This call needs AWS
    // credentials: the environment's instance profile role must allow
    // cognito-idp:DescribeUserPoolClient.
    UserPoolClientType client = COGNITO.describeUserPoolClient(DescribeUserPoolClientRequest.builder()
            .userPoolId(USER_POOL_ID)
            .clientId(CLIENT_ID)
            .build())
        .userPoolClient();
    System.out.println("App client " + client.clientName() + " of user pool " + USER_POOL_ID);
  }

  // Signs a user in. The app client must allow ALLOW_USER_PASSWORD_AUTH; a
  // client with a secret also needs SECRET_HASH in authParameters.
  static AuthenticationResultType signIn(String username, String password) {
    InitiateAuthResponse response = COGNITO.initiateAuth(InitiateAuthRequest.builder()
        .clientId(CLIENT_ID)
        .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
        .authParameters(Map.of("USERNAME", username, "PASSWORD", password))
        .build());
    if (response.authenticationResult() == null) {
      throw new IllegalStateException("Challenge to answer: " + response.challengeNameAsString());
    }
    return response.authenticationResult(); // idToken(), accessToken(), refreshToken()
  }
}
)code"};

}  // namespace

const Snippet& settings_snippet(SnippetLanguage language) {
  switch (language) {
    case SnippetLanguage::kPython: return kPython;
    case SnippetLanguage::kJava: return kJava;
    case SnippetLanguage::kJavaScript: break;
  }
  return kJavaScript;
}

}  // namespace userpool::web
