/// The screens of the full-screen app.
public enum RolescopeUIModule {}
