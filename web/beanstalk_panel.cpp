#include "web/beanstalk_panel.h"

#include "imgui.h"
#include "web/widgets.h"

namespace userpool::web {

void BeanstalkPanel::draw() { heading(ctx_, "Elastic Beanstalk"); }

}  // namespace userpool::web
