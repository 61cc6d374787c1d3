using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Resultataftaler.Core.Setup;

namespace Resultataftaler.Core.Data.Configurations;

internal sealed class SetupStepConfiguration : IEntityTypeConfiguration<SetupStep>
{
    public void Configure(EntityTypeBuilder<SetupStep> builder)
    {
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(50);
    }
}
