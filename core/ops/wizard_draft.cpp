// Sandbox.GetWizardDraft / PutWizardDraft / UpdateWizardDraft /
// DeleteWizardDraft: the "Create user pool" wizard's unfinished form, kept
// with the sandbox. Real Cognito has no such thing (the console keeps its
// form in the browser tab); the sandbox keeps it so a half-filled wizard
// survives a reload and lessons can check and fill in each step.
//
// The core stores the draft as it is given (the wizard decides what its
// members mean) and only bounds it: a JSON object of at most 64 KB.
#include "core/api/api_error.h"
#include "core/ops/common.h"
#include "core/ops/operations.h"

namespace userpool::ops {
namespace {

constexpr std::size_t kMaxDraftBytes = 64 * 1024;

void keep(OpContext& ctx, Json draft) {
  if (draft.dump().size() > kMaxDraftBytes)
    fail_invalid_parameter("The wizard draft is larger than 64 KB; it was not kept.");
  ctx.account.wizard_draft = std::move(draft);
}

}  // namespace

Json sandbox_get_wizard_draft(OpContext& ctx, const Request&) {
  if (ctx.account.wizard_draft.is_null()) return Json::object();
  return Json{{"Draft", ctx.account.wizard_draft}};
}

Json sandbox_put_wizard_draft(OpContext& ctx, const Request& r) {
  const Json* draft = r.optional_object("Draft");
  if (draft == nullptr) fail_validation("draft", "null", "Member must not be null");
  keep(ctx, *draft);
  ctx.rule("The wizard's form was kept as given");
  return Json::object();
}

Json sandbox_update_wizard_draft(OpContext& ctx, const Request& r) {
  const Json* patch = r.optional_object("Patch");
  if (patch == nullptr) fail_validation("patch", "null", "Member must not be null");
  // A JSON merge patch (RFC 7386): members given replace, null removes, the rest stays.
  Json draft = ctx.account.wizard_draft.is_null() ? Json::object() : ctx.account.wizard_draft;
  draft.merge_patch(*patch);
  keep(ctx, std::move(draft));
  ctx.rule("The wizard's form was updated with a merge patch");
  return Json{{"Draft", ctx.account.wizard_draft}};
}

Json sandbox_delete_wizard_draft(OpContext& ctx, const Request&) {
  ctx.account.wizard_draft = nullptr;
  ctx.rule("The wizard's form was discarded");
  return Json::object();
}

}  // namespace userpool::ops
