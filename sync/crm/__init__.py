"""Everything that knows the CRM's wire protocol: client, errors, DTOs and the simulator."""
