"""boto3 against `userpool serve`: the sign-up flow and Cognito's errors.

    python3 boto3_flow.py <endpoint URL>

Prints what it saw as JSON; exits non-zero (with the traceback) if a call
that should succeed fails.
"""
import json
import sys

import boto3
from botocore.exceptions import ClientError

url = sys.argv[1]
client = boto3.client(
    "cognito-idp",
    endpoint_url=url,
    region_name="us-east-1",
    aws_access_key_id="local",
    aws_secret_access_key="local",
)

pool_id = client.create_user_pool(PoolName="boto3-pool")["UserPool"]["Id"]
client_id = client.create_user_pool_client(
    UserPoolId=pool_id,
    ClientName="boto3",
    ExplicitAuthFlows=["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
)["UserPoolClient"]["ClientId"]
client.sign_up(
    ClientId=client_id,
    Username="gus",
    Password="Passw0rd!",
    UserAttributes=[{"Name": "email", "Value": "gus@example.com"}],
)
client.admin_confirm_sign_up(UserPoolId=pool_id, Username="gus")
status = client.admin_get_user(UserPoolId=pool_id, Username="gus")["UserStatus"]
tokens = client.initiate_auth(
    ClientId=client_id,
    AuthFlow="USER_PASSWORD_AUTH",
    AuthParameters={"USERNAME": "gus", "PASSWORD": "Passw0rd!"},
)["AuthenticationResult"]


def error_of(call, **kwargs):
    try:
        call(**kwargs)
    except ClientError as e:
        return e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"]
    raise AssertionError("the call was expected to fail")


wrong, http_status = error_of(
    client.initiate_auth,
    ClientId=client_id,
    AuthFlow="USER_PASSWORD_AUTH",
    AuthParameters={"USERNAME": "gus", "PASSWORD": "wrong"},
)
missing, _ = error_of(client.describe_user_pool, UserPoolId="us-east-1_Missing1")
print(json.dumps({
    "confirmed_status": status,
    "id_token": tokens["IdToken"],
    "wrong_password_error": wrong,
    "missing_pool_error": missing,
    "http_status": http_status,
}))
