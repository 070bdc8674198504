// Sandbox.GetWizardDraft / PutWizardDraft / UpdateWizardDraft /
// DeleteWizardDraft: the "Create user pool" wizard's unfinished form, kept
// with the sandbox. Real Cognito has no such thing (the console keeps its
// form in the browser tab); the sandbox keeps it so a half-filled wizard
// survives a reload and lessons can check and fill in each step.
//
// The core stores the draft as it is given (the wizard decides what its
// members mean) and only bounds it: a JSON object of at most 64 KB.
#include "core/api/api_error.h"
#include "core/rules/quotas.h"
#include "core/ops/common.h"
#include "core/api/registry.h"

namespace userpool::ops {
namespace {


// What the sandbox keeps: the draft, or null when no wizard is open.
struct WizardDraft {
  Json draft;
};

Json& kept(OpContext& ctx) { return ctx.account.services.get<WizardDraft>().draft; }

void keep(OpContext& ctx, Json draft) {
  if (draft.dump().size() > quotas::kWizardDraftBytes)
    fail_invalid_parameter("The wizard draft is larger than 64 KB; it was not kept.");
  kept(ctx) = std::move(draft);
}


Json sandbox_get_wizard_draft(OpContext& ctx, const Request&) {
  if (kept(ctx).is_null()) return Json::object();
  return Json{{"Draft", kept(ctx)}};
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
  Json draft = kept(ctx).is_null() ? Json::object() : kept(ctx);
  draft.merge_patch(*patch);
  keep(ctx, std::move(draft));
  ctx.rule("The wizard's form was updated with a merge patch");
  return Json{{"Draft", kept(ctx)}};
}

Json sandbox_delete_wizard_draft(OpContext& ctx, const Request&) {
  kept(ctx) = nullptr;
  ctx.rule("The wizard's form was discarded");
  return Json::object();
}

}  // namespace

// The draft in the saved state, as "WizardDraft", only when a wizard is open
// (so a sandbox without one saves as it did before drafts were kept).
StateSection wizard_draft_state() {
  return {"WizardDraft",
          [](const Account& account) {
            const WizardDraft* kept = account.services.find<WizardDraft>();
            return kept == nullptr ? Json() : kept->draft;
          },
          [](const Json* saved) -> std::function<void(Account&)> {
            Json draft = saved == nullptr ? Json() : *saved;
            if (!draft.is_null() && !draft.is_object()) throw std::runtime_error("it is not a JSON object");
            return [draft](Account& account) { account.services.put(WizardDraft{draft}); };
          }};
}

// The operations of this file, for the registry (core/api/registry.h).
const OperationTable& wizard_draft_operations() {
  static const OperationTable table = {
      {"GetWizardDraft", sandbox_get_wizard_draft, OperationKind::kRead, {}, false},
      {"PutWizardDraft", sandbox_put_wizard_draft, OperationKind::kBookkeeping, "the wizard's unfinished form, kept for the app", false},
      {"UpdateWizardDraft", sandbox_update_wizard_draft, OperationKind::kBookkeeping, "the wizard's unfinished form, kept for the app", false},
      {"DeleteWizardDraft", sandbox_delete_wizard_draft, OperationKind::kBookkeeping, "the wizard's unfinished form, kept for the app", false},
  };
  return table;
}

}  // namespace userpool::ops
