"""The Documents tab: the incoming and outgoing registers, their forms and printouts."""
