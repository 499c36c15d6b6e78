#pragma once
// A council written straight into a data folder before the server starts:
// delegates d01..dNN on seats 1..N with PIN "pin<seat>" (d01 chairs, d02 is secretary),
// and accounts operator/media/display/r1 with password "secret".
#include <string>

#include "store/Store.h"

namespace chamber::test {

inline std::string pinOf(int seat) {
  return "pin" + std::to_string(seat);
}
inline std::string delegateId(int seat) {
  return (seat < 10 ? "d0" : "d") + std::to_string(seat);
}

inline void seedCouncil(const std::filesystem::path& dataDir, int delegates) {
  store::Store st(dataDir);
  for (int i = 1; i <= delegates; ++i) {
    core::Delegate d;
    d.id = delegateId(i);
    d.seat = i;
    d.name = "Đại biểu số " + std::to_string(i);
    d.role = i == 1 ? core::Role::Chair : i == 2 ? core::Role::Secretary : core::Role::Delegate;
    st.council.putDelegate(d, pinOf(i), 1000);
  }
  st.council.putAccount("operator", "Kỹ thuật viên", "", core::Role::Operator, "secret", 1000);
  st.council.putAccount("media", "Máy ghi hình", "", core::Role::Media, "secret", 1000);
  st.council.putAccount("display", "Màn hình hội trường", "", core::Role::Display, "secret", 1000);
  st.council.putAccount("r1", "Chủ tịch UBND xã", "Chủ tịch UBND", core::Role::Responder, "secret",
                        1000);
}

}  // namespace chamber::test
