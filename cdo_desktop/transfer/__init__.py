"""Moving records in and out as the offices' spreadsheets: import (checked, all or nothing), templates and exports."""
