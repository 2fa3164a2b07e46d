"""The signed-in session: sign-in, first start, idle lock, sign-out."""
