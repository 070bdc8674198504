// The sandbox's user interface: everything drawn in one frame. ImGui only,
// no browser calls, so the same code runs in the page and headlessly in the
// native UI tests.
#pragma once

#include <string>

#include "core/account.h"
#include "web/fonts.h"

namespace userpool::web {

class App {
 public:
  explicit App(Account& account);

  // Fonts to draw with (after every atlas rebuild).
  void set_fonts(const Fonts& fonts) { fonts_ = fonts; }

  // Draws the whole UI for one frame, filling the display. Call between
  // ImGui::NewFrame() and ImGui::Render().
  void frame();

  // Identifiers shown in the "identifier formats" card (read by tests).
  struct Examples {
    std::string user_pool_id, app_client_id, sub;
  };
  const Examples& examples() const { return examples_; }
  void regenerate_examples();

 private:
  void draw_header();
  void draw_welcome();
  void draw_identifier_formats();

  Account& account_;
  Fonts fonts_;
  Examples examples_;
};

}  // namespace userpool::web
