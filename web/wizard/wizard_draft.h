// The wizard's choices as a draft document, kept in the sandbox
// (Sandbox.PutWizardDraft) so that a half-filled wizard survives a reload,
// and lessons can check and fill in each step through the API.
//
// The document speaks the console's language, not the API's: the labels a
// learner sees on each step ("SignInOptions": ["Email"], "Mfa": "No MFA"),
// because a draft is a form, not a request; the requests are made only when
// the pool is created. Reading is forgiving: a member that is missing or of
// the wrong kind keeps the console's default, so a hand-edited or older
// draft never stops the wizard.
#pragma once

#include "core/base/json.h"
#include "web/wizard/wizard_model.h"

namespace userpool::web {

// {"Step": 1..6 (1..7 with federation: the number the learner sees), "Choices": {...}}
Json wizard_draft(const WizardChoices& choices, int step);

// Applies a draft over `choices` (normally the console's defaults) and
// returns the step it was on (1 when absent or out of range).
int read_wizard_draft(const Json& draft, WizardChoices& choices);

}  // namespace userpool::web
