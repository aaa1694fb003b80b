"""A faithful, in-memory Zoho CRM (v2 … v8) for tests, demos and benchmarks.

```python
store = CrmStore.generate(seed=1, accounts=300, contacts=900, deals=400, users=25)
app = create_simulator_app(store, SimulatorConfig(latency_ms=0), clock=ManualClock())
```
"""

from __future__ import annotations

from sync.crm.simulator.app import RecordedResponse, SimulatorState, create_simulator_app
from sync.crm.simulator.clock import Clock, ManualClock, SystemClock
from sync.crm.simulator.config import (
    DEFAULT_SCOPES,
    DEMO_CLIENT_ID,
    DEMO_CLIENT_SECRET,
    DEMO_REFRESH_TOKEN,
    SimulatorConfig,
)
from sync.crm.simulator.store import CrmStore

__all__ = [
    "DEFAULT_SCOPES",
    "DEMO_CLIENT_ID",
    "DEMO_CLIENT_SECRET",
    "DEMO_REFRESH_TOKEN",
    "Clock",
    "CrmStore",
    "ManualClock",
    "RecordedResponse",
    "SimulatorConfig",
    "SimulatorState",
    "SystemClock",
    "create_simulator_app",
]
