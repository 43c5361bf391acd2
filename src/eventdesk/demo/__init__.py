"""The reference demo event generator: a data generator built on services, not a capability."""
