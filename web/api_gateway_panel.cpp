#include "web/api_gateway_panel.h"

#include "imgui.h"
#include "web/widgets.h"

namespace userpool::web {

void ApiGatewayPanel::draw() { heading(ctx_, "API Gateway"); }

}  // namespace userpool::web
