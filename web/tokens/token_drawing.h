// Drawing a token and tables of its claims, shared by the token
// inspector's cards (the pool's tokens, and what an identity provider sent
// Cognito): the compact token coloured by part as jwt.io colours it, and
// name / value / meaning tables whose cells wrap.
#pragma once

#include <string>

#include "core/base/json.h"
#include "web/shell/widgets.h"

struct ImFont;

namespace userpool::web {

// jwt.io's colours for the parts of a compact token: header, payload, signature.
inline constexpr unsigned kPartColours[] = {rgb(0xfb015b), rgb(0xd63aff), rgb(0x00b9f1)};

// The compact token wrapped at any character (a JWT has no spaces to wrap
// at), each part in its colour and the dots between in grey.
void draw_compact_token(ImFont* mono, const std::string& token, float width);

// A table of claims (or header members): name, value, a third column headed
// `third_column`; values and the third column wrap inside their cells.
// end_claims_table() closes one that began.
bool begin_claims_table(const char* id, const char* first_column, float name_width, float width,
                        const char* third_column = "What it means");
void end_claims_table();

// Wide enough for the longest member name, within reason (longer ones wrap).
float name_column_width(ImFont* mono, const Json& members);

// Text in a font and colour (0: the usual), wrapped where the open table
// cell or card wraps.
void wrapped_in(ImFont* font, const std::string& text, unsigned colour = 0);

}  // namespace userpool::web
