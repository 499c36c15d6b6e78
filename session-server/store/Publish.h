#pragma once
/// A signed paper becomes a publication with every Decree 42 field filled from the record:
/// minutes are recognised because the signed copy begins with the bytes of the PDF rendered
/// from their final text (signatures are appended as incremental updates); a resolution by
/// its number. Used by chamberctl publish and by the server when a signed paper is uploaded.
#include <optional>
#include <string>

#include "core/Model.h"
#include "core/Publication.h"
#include "papers/Signatures.h"

namespace chamber::store {

/// The publication `pdfPath` makes (sha256 and published_ms left to the caller), or nothing
/// when it is neither minutes rendered here nor the resolution named. `signatures` must be
/// the file's, checked.
std::optional<core::Publication> publicationOf(const core::State& state, const std::string& pdfPath,
                                               const papers::PdfSignatures& signatures,
                                               const std::string& resolutionNumber = "",
                                               int year = 0);

}  // namespace chamber::store
