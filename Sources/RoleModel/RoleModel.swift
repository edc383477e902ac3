public enum RoleModelModule {}
