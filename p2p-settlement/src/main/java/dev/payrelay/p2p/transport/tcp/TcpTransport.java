package dev.payrelay.p2p.transport.tcp;

import dev.payrelay.p2p.core.PeerId;
import dev.payrelay.p2p.host.Connection;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * libp2p's TCP transport on Netty: listens and dials, and upgrades every socket (see {@link
 * UpgradeHandler}) before handing it to the {@link ConnectionOwner} as a {@link Connection}. It
 * runs on the event loop group it is given and owns only its listening sockets.
 *
 * <p>Back-pressure on the socket: a channel stops being writable above {@value
 * #WRITE_HIGH_WATER_BYTES} bytes of pending output and is writable again below {@value
 * #WRITE_LOW_WATER_BYTES}; streams report {@code isWritable() == false} meanwhile.
 */
public final class TcpTransport {

  /** Pending output per socket above which its streams stop being writable. */
  public static final int WRITE_HIGH_WATER_BYTES = 1 << 20;

  /** Pending output per socket below which its streams are writable again. */
  public static final int WRITE_LOW_WATER_BYTES = 256 * 1024;

  /** Pending connections the kernel queues for accept. */
  static final int ACCEPT_BACKLOG = 256;

  /**
   * Inbound sockets in their upgrade at once; beyond, new ones are closed on accept, so peers that
   * connect and stall (until the upgrade timeout) cannot pile up.
   */
  public static final int MAX_INBOUND_UPGRADES = 64;

  private final TcpTransportConfig config;
  private final EventLoopGroup group;
  private final ConnectionOwner owner;
  private final List<Channel> listeners = new CopyOnWriteArrayList<>();
  private final AtomicInteger inboundUpgrades = new AtomicInteger();

  public TcpTransport(TcpTransportConfig config, EventLoopGroup group, ConnectionOwner owner) {
    this.config = Objects.requireNonNull(config, "config");
    this.group = Objects.requireNonNull(group, "group");
    this.owner = Objects.requireNonNull(owner, "owner");
  }

  /** Binds {@code address} (port 0 picks a free port); completes with the bound address. */
  public CompletableFuture<InetSocketAddress> listen(InetSocketAddress address) {
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, ACCEPT_BACKLOG)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark())
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel channel) {
                    if (inboundUpgrades.get() >= MAX_INBOUND_UPGRADES
                        || !owner.admitInbound(channel.remoteAddress())) {
                      channel.close();
                      return;
                    }
                    inboundUpgrades.incrementAndGet();
                    CompletableFuture<Connection> upgraded = new CompletableFuture<>();
                    upgraded.whenComplete((c, e) -> inboundUpgrades.decrementAndGet());
                    channel
                        .pipeline()
                        .addLast(new UpgradeHandler(config, owner, false, null, upgraded));
                  }
                });
    CompletableFuture<InetSocketAddress> bound = new CompletableFuture<>();
    ChannelFuture future = bootstrap.bind(address);
    future.addListener(
        f -> {
          if (f.isSuccess()) {
            listeners.add(future.channel());
            bound.complete((InetSocketAddress) future.channel().localAddress());
          } else {
            bound.completeExceptionally(f.cause());
          }
        });
    return bound;
  }

  /**
   * Dials {@code address} and upgrades the connection; with {@code expectedPeer} the Noise
   * handshake fails unless the remote authenticates as that peer.
   */
  public CompletableFuture<Connection> dial(InetSocketAddress address, PeerId expectedPeer) {
    CompletableFuture<Connection> upgraded = new CompletableFuture<>();
    Bootstrap bootstrap =
        new Bootstrap()
            .group(group)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) config.dialTimeout().toMillis())
            .option(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark())
            .handler(new UpgradeHandler(config, owner, true, expectedPeer, upgraded));
    bootstrap
        .connect(address)
        .addListener(
            f -> {
              if (!f.isSuccess()) {
                upgraded.completeExceptionally(f.cause());
              }
            });
    return upgraded;
  }

  /** Closes the listening sockets (not the connections); completes when they are closed. */
  public CompletableFuture<Void> closeListeners() {
    CompletableFuture<?>[] closed =
        listeners.stream()
            .map(
                channel -> {
                  CompletableFuture<Void> done = new CompletableFuture<>();
                  channel.close().addListener(f -> done.complete(null));
                  return done;
                })
            .toArray(CompletableFuture[]::new);
    listeners.clear();
    return CompletableFuture.allOf(closed);
  }

  private static WriteBufferWaterMark waterMark() {
    return new WriteBufferWaterMark(WRITE_LOW_WATER_BYTES, WRITE_HIGH_WATER_BYTES);
  }
}
