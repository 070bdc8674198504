// The state a service of the sandbox keeps inside the account, besides the
// user pools: one object per type (the API Gateway's REST APIs, the Elastic
// Beanstalk environments, the wizard's unfinished form), made on first use.
// The account names no service: each registers its state and its part of
// the saved document with the registry (core/api/registry.h).
#pragma once

#include <map>
#include <memory>
#include <typeindex>

namespace userpool {

class ServiceStates {
 public:
  // The service's state, made empty on first use.
  template <class T>
  T& get() {
    std::shared_ptr<void>& slot = states_[std::type_index(typeid(T))];
    if (!slot) slot = std::make_shared<T>();
    return *static_cast<T*>(slot.get());
  }
  // nullptr when the service has kept nothing yet.
  template <class T>
  const T* find() const {
    const auto it = states_.find(std::type_index(typeid(T)));
    return it == states_.end() ? nullptr : static_cast<const T*>(it->second.get());
  }
  template <class T>
  void put(T value) {
    states_[std::type_index(typeid(T))] = std::make_shared<T>(std::move(value));
  }
  void clear() { states_.clear(); }

 private:
  std::map<std::type_index, std::shared_ptr<void>> states_;
};

}  // namespace userpool
