// The API log: every request and response the app made, as the OAuth
// Playground shows them; filterable and copyable.
//
// The log holds up to ApiClient::kLogCapacity entries, so the panel draws
// only the visible rows (ImGuiListClipper), keeps the filtered list until the
// log or the filter changes, and formats only the selected entry, once.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "web/shell/ui_context.h"

namespace userpool::web {

class ApiLogPanel {
 public:
  explicit ApiLogPanel(UiContext& ctx) : ctx_(ctx) {}
  void draw();

 private:
  // What the filter and the list need of one entry, computed when first needed.
  struct EntryText {
    std::string search;   // lower-case operation and bodies, for the filter
    std::string summary;  // the request on one line, long strings shortened
  };
  // The selected entry as text, made once per selection.
  struct Detail {
    std::uint64_t entry_id = 0;
    std::string operation;
    std::string request, response, cli;
  };
  // What the filtered list was computed from: when any of it changes, the
  // list is computed again.
  struct ListKey {
    std::size_t size = 0;
    std::uint64_t oldest_id = 0, newest_id = 0;
    std::string filter;
    bool errors_only = false;
    bool operator==(const ListKey&) const = default;
  };

  void draw_toolbar();
  void refresh_rows();
  void draw_list(float height);
  void draw_row(int row, const ApiLogEntry& entry);
  void draw_detail();
  const EntryText& entry_text(const ApiLogEntry& entry);
  const ApiLogEntry* find_entry(std::uint64_t id) const;

  UiContext& ctx_;
  std::string filter_;
  bool errors_only_ = false;
  ListKey list_key_;
  bool list_valid_ = false;
  std::vector<std::size_t> rows_;  // indices into the log, newest first, after the filter
  std::unordered_map<std::uint64_t, EntryText> texts_;  // by entry id
  std::uint64_t selected_id_ = 0;  // 0: nothing selected
  Detail detail_;
};

}  // namespace userpool::web
