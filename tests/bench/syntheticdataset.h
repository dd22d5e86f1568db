#pragma once

#include "dataset.h"

#include <memory>

namespace ntl {

// A realistic synthetic dataset for benchmarks and scale tests: `events` events over
// two years (2024–2025), 300 actors on 6 sides, 2,000 articles with text, 1–5 anchored
// passages per event, disagreements on about 3 % of events. Deterministic for a seed.
std::shared_ptr<Dataset> makeSyntheticDataset(int events, quint32 seed = 1);

} // namespace ntl
