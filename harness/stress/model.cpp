#include "harness/stress/model.hpp"

namespace referee::stress {

void MailboxModel::forget_uids() {
  expunged.clear();
  recent_holder.clear();
  flags.clear();
}

}  // namespace referee::stress
